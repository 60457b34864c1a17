// Monarch colouring for the condition language; filled in by the editor feature.
