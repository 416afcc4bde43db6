// markdown-it ships no types; the tools test uses only its constructor, `use` and `render`.
declare module 'markdown-it' {
  export default class MarkdownIt {
    use(plugin: never, ...options: unknown[]): this;
    render(src: string): string;
  }
}
