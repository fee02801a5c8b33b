"""vpgen: the verksamhetsplan as board deck, Word plan and assignment summary."""
