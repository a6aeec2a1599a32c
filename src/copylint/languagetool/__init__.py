"""LanguageTool integration: the ``grammar`` rule family, through language-tool-python.

``settings`` validates the ``languagetool:`` config (imported by the config loader, so
it stays light); ``units`` cuts a document into cacheable pieces and maps LanguageTool's
UTF-16 offsets back; ``cache`` keeps results on disk; ``client`` talks to a server or a
local install through language-tool-python; ``session`` ties them together per run.
Nothing here imports language-tool-python until a check actually needs the server.
"""
