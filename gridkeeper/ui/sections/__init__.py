"""The work sections the main window embeds: today's work, visits, requests, leaders and members."""
