"""Classification (many-to-one): the task, its model, ensembles and mixtures of models, explanations."""
