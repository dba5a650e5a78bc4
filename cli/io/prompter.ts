/** Asks the person at the terminal a question. Services receive it as a port, so tests can answer. */
import { createInterface } from 'node:readline';

export interface Prompter {
  /** True when both stdin and stdout are terminals, so someone can answer. */
  readonly isInteractive: boolean;
  /** When not interactive: why no one can be asked, for the error that names the flag to use instead. */
  readonly whyNotInteractive?: string;
  /** Writes the question and resolves with the line typed (trimmed); an empty answer when input ends. */
  ask(question: string): Promise<string>;
}

export function createTerminalPrompter(input: NodeJS.ReadStream = process.stdin, output: NodeJS.WriteStream = process.stdout): Prompter {
  return {
    isInteractive: input.isTTY === true && output.isTTY === true,
    ask(question) {
      const readline = createInterface({ input, output, terminal: true });
      return new Promise((resolve) => {
        let answer = '';
        readline.question(question, (line) => {
          answer = line.trim();
          readline.close();
        });
        readline.once('close', () => resolve(answer));
        // Ctrl-C at the prompt closes the interface: the answer is then empty, which means no.
        readline.once('SIGINT', () => readline.close());
      });
    },
  };
}

/** A prompter that never asks (for `--json`, where stdout belongs to the JSON document). */
export function createRefusingPrompter(whyNotInteractive: string): Prompter {
  return {
    isInteractive: false,
    whyNotInteractive,
    ask: () => Promise.reject(new Error(whyNotInteractive)),
  };
}
