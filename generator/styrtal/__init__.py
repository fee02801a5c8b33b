"""`vpgen styrtal`: put figures into content/styrtal-data.yaml, from a spreadsheet or from Kolada.

importer.py reads CSV/XLSX rows, fetch.py asks Kolada (kolada.py is the client), datafile.py
merges the rows into the data file and writes it only when the result is valid. The figures
themselves, their checks and the series the charts draw are the pipeline's (generator/figures.py).
"""
