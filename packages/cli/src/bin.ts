#!/usr/bin/env node
import { main } from './main';

process.env.ORT_DISABLE_TELEMETRY ??= '1';
await main(process.argv);
