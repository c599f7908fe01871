"""The assistant: settings, the Library facade, the CLI and the app."""
