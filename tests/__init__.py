"""The test suite, one folder per part of the package it exercises (a package, so equal basenames in two folders
do not collide and helpers import as ``tests.<area>.<module>``)."""
