import { useRef } from 'react';
import Image from '@tiptap/extension-image';
import { EditorContent, useEditor, useEditorState } from '@tiptap/react';
import type { Editor } from '@tiptap/react';
import StarterKit from '@tiptap/starter-kit';
import type { EditorView } from '@tiptap/pm/view';
import { LinkIcon } from '../../../components/icons';
import { CID_ATTRIBUTE } from '../lib/email-create';
import { composeMessages } from '../messages';

/** An image of the body that travels as an inline part: it keeps its cid as `data-cid`. */
const InlineImage = Image.extend({
  addAttributes() {
    return {
      ...this.parent?.(),
      cid: {
        default: null,
        parseHTML: (element: HTMLElement) => element.getAttribute(CID_ATTRIBUTE),
        renderHTML: (attributes: { cid?: string | null }) =>
          attributes.cid ? { [CID_ATTRIBUTE]: attributes.cid } : {},
      },
    };
  },
}).configure({ inline: true, allowBase64: false });

export interface RichEditorProps {
  initialHtml: string;
  onChange: (html: string) => void;
  /** A file pasted or dropped: images are shown inline (returns their cid), others attached. */
  onFile: (file: File, inline: boolean) => { cid: string | null };
  label: string;
  /** Puts the caret at the start of the body (an answer is written above the quote). */
  autoFocus?: boolean;
}

function insertFiles(view: EditorView, files: File[], onFile: RichEditorProps['onFile'], at?: number) {
  const imageType = view.state.schema.nodes.image;
  for (const file of files) {
    const inline = file.type.startsWith('image/') && imageType !== undefined;
    const { cid } = onFile(file, inline);
    if (!inline || !cid || !imageType) continue;
    // Shown from the local file while it uploads; sent as cid: (htmlForSending).
    const node = imageType.create({ src: URL.createObjectURL(file), alt: file.name, cid });
    const tr = at === undefined ? view.state.tr.replaceSelectionWith(node) : view.state.tr.insert(at, node);
    view.dispatch(tr);
  }
}

const safeHref = (href: string) => /^(https?:\/\/|mailto:)/i.test(href.trim());

/** The rich-text body: tiptap with bold, italic, lists, quotes, links and inline images. */
export function RichEditor({ initialHtml, onChange, onFile, label, autoFocus = false }: RichEditorProps) {
  // The latest callbacks, read by tiptap's handlers that were bound when the editor was made.
  const callbacks = useRef({ onChange, onFile });
  callbacks.current = { onChange, onFile };
  const editor = useEditor({
    extensions: [
      StarterKit.configure({
        heading: false,
        codeBlock: false,
        link: {
          openOnClick: false,
          autolink: true,
          protocols: ['mailto'],
          isAllowedUri: (url) => safeHref(url),
        },
      }),
      InlineImage,
    ],
    content: initialHtml,
    autofocus: autoFocus ? 'start' : false,
    shouldRerenderOnTransaction: false,
    editorProps: {
      attributes: {
        'aria-label': label,
        'aria-multiline': 'true',
        role: 'textbox',
        class: 'composer__editor-content',
      },
      handlePaste: (view, event) => {
        const files = [...(event.clipboardData?.files ?? [])];
        if (files.length === 0) return false;
        insertFiles(view, files, callbacks.current.onFile);
        return true;
      },
      handleDrop: (view, event, _slice, moved) => {
        const files = [...(event.dataTransfer?.files ?? [])];
        if (moved || files.length === 0) return false;
        event.preventDefault();
        event.stopPropagation();
        const at = view.posAtCoords({ left: event.clientX, top: event.clientY })?.pos;
        insertFiles(view, files, callbacks.current.onFile, at);
        return true;
      },
    },
    onUpdate: ({ editor }) => callbacks.current.onChange(editor.getHTML()),
  });
  return (
    <div className="composer__editor">
      {editor && <Toolbar editor={editor} />}
      <EditorContent editor={editor} />
    </div>
  );
}

function Toolbar({ editor }: { editor: Editor }) {
  const active = useEditorState({
    editor,
    selector: ({ editor: e }) => ({
      bold: e.isActive('bold'),
      italic: e.isActive('italic'),
      bulletList: e.isActive('bulletList'),
      orderedList: e.isActive('orderedList'),
      blockquote: e.isActive('blockquote'),
      link: e.isActive('link'),
    }),
  });
  const chain = () => editor.chain().focus();
  const setLink = () => {
    if (active.link) {
      chain().unsetLink().run();
      return;
    }
    const href = window.prompt(composeMessages.linkPrompt, 'https://');
    if (href && safeHref(href)) chain().extendMarkRange('link').setLink({ href: href.trim() }).run();
  };
  const buttons = [
    { label: composeMessages.bold, on: active.bold, run: () => chain().toggleBold().run(), glyph: <b>B</b> },
    {
      label: composeMessages.italic,
      on: active.italic,
      run: () => chain().toggleItalic().run(),
      glyph: <i>I</i>,
    },
    {
      label: composeMessages.bulletList,
      on: active.bulletList,
      run: () => chain().toggleBulletList().run(),
      glyph: '•',
    },
    {
      label: composeMessages.orderedList,
      on: active.orderedList,
      run: () => chain().toggleOrderedList().run(),
      glyph: '1.',
    },
    {
      label: composeMessages.quote,
      on: active.blockquote,
      run: () => chain().toggleBlockquote().run(),
      glyph: '❝',
    },
    { label: composeMessages.link, on: active.link, run: setLink, glyph: <LinkIcon /> },
  ];
  return (
    <div className="composer__toolbar" role="toolbar" aria-label={composeMessages.toolbar}>
      {buttons.map((button) => (
        <button
          key={button.label}
          type="button"
          className="composer__icon-button composer__tool"
          aria-label={button.label}
          title={button.label}
          aria-pressed={button.on}
          // Keeps the selection in the editor when the button is clicked.
          onMouseDown={(event) => event.preventDefault()}
          onClick={button.run}
        >
          {button.glyph}
        </button>
      ))}
    </div>
  );
}
