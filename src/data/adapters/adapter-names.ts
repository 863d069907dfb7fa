/** The adapters `ingest --adapter` accepts, without imports so that the CLI's help need not load zod. */
export const ADAPTER_NAMES = ['cdnow'] as const;
