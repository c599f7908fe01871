"""Scripts that measure speed and print figures (python -m benchmarks.NAME --help); no test asserts timing."""
