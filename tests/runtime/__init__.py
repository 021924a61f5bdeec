"""Tests of the generated clients' runtime (runtime/, ``docs2client_runtime``) against local servers."""
