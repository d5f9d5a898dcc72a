"""Exercises checked from the live numbers: `base` draws them (answer, Check, feedback, Show me); one module
per page makes that page's exercises from the model, seed and input the student sees."""
