"""pcsc-procure: lint smart-city procurement drafts against the UN-Habitat
International Guidelines on People-Centred Smart Cities."""

__version__ = "0.1.0"
