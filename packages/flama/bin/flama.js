#!/usr/bin/env node
import '@flama/cli/bin';
