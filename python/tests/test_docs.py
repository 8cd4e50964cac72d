"""The examples in the docstrings (the package's, the classes', extract's) run as written."""

import doctest

import whosaid


def test_docstring_examples():
    finder, runner = doctest.DocTestFinder(), doctest.DocTestRunner(verbose=False)
    globs = {"whosaid": whosaid}
    tests = finder.find(whosaid, globs=globs)
    # A function of the compiled module says it is from whosaid._whosaid; doctest's finder
    # looks only at what is from the module searched.
    tests += finder.find(whosaid.extract, "whosaid.extract", globs=globs)
    for test in tests:
        runner.run(test)
    result = runner.summarize(verbose=False)
    assert result.attempted >= 10
    assert result.failed == 0
