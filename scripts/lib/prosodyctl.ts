import { execFile } from 'node:child_process';

const REGISTER_TIMEOUT_MS = 15_000;

/**
 * Creates (or re-passwords: prosodyctl overwrites) an account through
 * `prosodyctl --config FILE register USER DOMAIN PASSWORD`. Works while the server runs,
 * because accounts use file storage that Prosody reads on each login.
 */
export function registerAccount(
  configPath: string,
  user: string,
  domain: string,
  password: string,
): Promise<string> {
  return new Promise((resolve, reject) => {
    execFile(
      'prosodyctl',
      ['--config', configPath, 'register', user, domain, password],
      { timeout: REGISTER_TIMEOUT_MS },
      (error, _stdout, stderr) => {
        if (error) {
          reject(
            new Error(`prosodyctl register ${user}@${domain} failed: ${stderr || error.message}`),
          );
          return;
        }
        resolve(`${user}@${domain}`);
      },
    );
  });
}
