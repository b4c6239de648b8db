/** POST /api/uploads: the stored (re-encoded) input image; `url` serves it back to its owner. */
export interface UploadView {
  id: string;
  width: number;
  height: number;
  mime: string;
  bytes: number;
  url: string;
}
