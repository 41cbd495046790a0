/**
 * What every core server answers, so that all of them send the same bytes:
 * `{"message":"Hello world 🔥"}` as application/json.
 */
export const HELLO = { message: 'Hello world 🔥' } as const;

/** The injected route's request: a query parameter and a header, answered with the same bytes as HELLO. */
export const GREET_PATH = '/greet';
export const GREET_URL = `${GREET_PATH}?name=world`;
export const GREET_HEADERS = { 'accept-language': 'en-GB,en;q=0.8' };

export interface Settings {
  greetings: Record<string, string>;
  emoji: string;
}

export function loadSettings(): Settings {
  return { greetings: { en: 'Hello', es: 'Hola', fr: 'Bonjour' }, emoji: '🔥' };
}

/** The greeting for an Accept-Language header (its first language), English when unknown. */
export function greetingFor(settings: Settings, acceptLanguage: string | null | undefined): string {
  const language = acceptLanguage?.slice(0, 2).toLowerCase() ?? 'en';
  return settings.greetings[language] ?? settings.greetings.en!;
}
