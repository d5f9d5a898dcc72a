"""Forecasting (sequences of numbers): the task, its quantile model, the baselines and the conformal band."""
