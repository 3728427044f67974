"""The lexicon: tables only. Scanners are compiled from these in krnum._scan."""
