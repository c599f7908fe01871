"""Measure the assistant from outside, as a user would: datasets, matching, metrics, runner, report."""
