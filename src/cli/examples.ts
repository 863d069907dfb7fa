/** The "Examples:" block that ends a command's help: one command line per argument, indented. */
export const examples = (...commands: string[]): string => `\nExamples:\n${commands.map((c) => `  ${c}`).join('\n')}`;
