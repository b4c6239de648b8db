// The JSON answer of POST /api/uploads: the stored (re-encoded) image, which the studio then names by
// id in a generation request and shows from `url`.
export interface UploadView {
  id: string;
  width: number;
  height: number;
  mime: string;
  bytes: number;
  url: string;
}
