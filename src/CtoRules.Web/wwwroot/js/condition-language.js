// The condition language in Monaco: Monarch colouring, completion and hover (answered by the
// server through a .NET object reference), and diagnostics as markers. BlazorMonaco 3.0.0 wraps
// the editor but not these language APIs, hence this small file.
window.ctoCondition = {
    languageId: 'ctorules-condition',
    registered: false,
    helper: null,
    kinds: null,

    attach: function (editorId, helper) {
        this.helper = helper;
        if (!this.registered) this.register();
        const editor = blazorMonaco.editor.getEditor(editorId);
        monaco.editor.setModelLanguage(editor.getModel(), this.languageId);
    },

    register: function () {
        this.registered = true;
        const id = this.languageId;
        const k = monaco.languages.CompletionItemKind;
        this.kinds = [k.Module, k.Field, k.EnumMember, k.Variable, k.Value, k.Keyword];
        monaco.languages.register({ id: id });
        monaco.languages.setLanguageConfiguration(id, { brackets: [['(', ')'], ['[', ']']] });
        monaco.languages.setMonarchTokensProvider(id, {
            keywords: ['and', 'or', 'not', 'in', 'known', 'true', 'false'],
            tokenizer: {
                root: [
                    [/[a-zA-Z_][\w-]*(\.[a-zA-Z_][\w-]*)*/, { cases: { '@keywords': 'keyword', '@default': 'identifier' } }],
                    [/\d+(\.\d+)?/, 'number'],
                    [/==|!=|<=|>=|<|>/, 'operator'],
                    [/[()\[\],]/, 'delimiter'],
                    [/\s+/, 'white'],
                ],
            },
        });
        monaco.languages.registerCompletionItemProvider(id, {
            triggerCharacters: ['.', ' ', '['],
            provideCompletionItems: async (model, position) => {
                const items = await window.ctoCondition.helper.invokeMethodAsync('Complete', model.getValue(), model.getOffsetAt(position));
                const word = model.getWordUntilPosition(position);
                const range = { startLineNumber: position.lineNumber, endLineNumber: position.lineNumber, startColumn: word.startColumn, endColumn: word.endColumn };
                return {
                    suggestions: items.map(i => ({
                        label: i.label, kind: window.ctoCondition.kinds[i.kind] ?? k.Text,
                        detail: i.detail, insertText: i.insertText, range: range,
                    })),
                };
            },
        });
        monaco.languages.registerHoverProvider(id, {
            provideHover: async (model, position) => {
                const text = await window.ctoCondition.helper.invokeMethodAsync('Hover', model.getValue(), model.getOffsetAt(position));
                return text ? { contents: [{ value: text }] } : null;
            },
        });
    },

    setMarkers: function (editorId, markers) {
        const editor = blazorMonaco.editor.getEditor(editorId);
        monaco.editor.setModelMarkers(editor.getModel(), 'ctorules', markers.map(m => ({
            code: m.code, message: m.code + ': ' + m.message,
            severity: m.isError ? monaco.MarkerSeverity.Error : monaco.MarkerSeverity.Warning,
            startLineNumber: m.startLine, startColumn: m.startColumn, endLineNumber: m.endLine, endColumn: m.endColumn,
        })));
        // For tests and measurements: when the markers were last set, and how many.
        const host = document.getElementById(editorId);
        host.setAttribute('data-markers', String(markers.length));
        window.ctoCondition.lastMarkersAt = performance.now();
    },
};
