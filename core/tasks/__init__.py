"""The tasks, one module or sub-package each, over a shared base (`base`: the `Task` interface and the
`Bundle`), and the registry that names them (`registry.TASKS`)."""
