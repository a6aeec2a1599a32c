"""Built-in Python rules: one module per rule, discovered by the registry."""
