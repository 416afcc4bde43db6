declare module 'markdown-it-footnote' {
  const footnote: (md: unknown) => void;
  export default footnote;
}
