"""Tests of the generated clients' runtime (templates/runtime) against local servers."""
