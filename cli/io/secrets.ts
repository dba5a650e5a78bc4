/**
 * The process-wide register of secret values (token, passwords, sensitive config values once
 * interpolated). Everything that leaves the process through the base command or a log passes
 * through `maskSecrets`.
 */
const secrets = new Set<string>();

export function registerSecret(value: string | undefined): void {
  if (value && value.length >= 4) secrets.add(value);
}

export function maskSecrets(text: string): string {
  let masked = text;
  for (const secret of secrets) masked = masked.split(secret).join('****');
  return masked;
}
