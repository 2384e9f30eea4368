// The one configuration error: what is wrong, where (variable, file and line) and how to fix it.
export class ConfigError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "ConfigError";
  }
}
