#!/usr/bin/env python3
"""Parses PowerShell scripts with the tree-sitter PowerShell grammar and fails on a syntax error,
naming its line and column. CI runs where no PowerShell can be installed: this catches a broken
`install.ps1` before a release; the release workflow runs it for real on Windows.

Usage: scripts/check_ps1.py FILE...   (needs `pip install tree-sitter tree-sitter-powershell`)
"""
import sys

import tree_sitter_powershell
from tree_sitter import Language, Parser


def first_error(node):
    """The first node, in the order of the text, that the grammar could not read."""
    if node.is_error or node.is_missing:
        return node
    for child in node.children:
        if child.has_error or child.is_missing:
            found = first_error(child)
            if found is not None:
                return found
    return None


def main(paths):
    parser = Parser(Language(tree_sitter_powershell.language()))
    failed = False
    for path in paths:
        with open(path, "rb") as f:
            tree = parser.parse(f.read())
        error = first_error(tree.root_node) if tree.root_node.has_error else None
        if error is not None:
            line, col = error.start_point
            what = "missing " + error.type if error.is_missing else "cannot be read here"
            print(f"{path}:{line + 1}:{col + 1}: PowerShell syntax error: {what}")
            failed = True
        else:
            print(f"{path}: PowerShell syntax is fine")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
