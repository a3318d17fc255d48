/**
 * Hands a downloaded file to the browser as a download. Files behind the API's bearer token cannot
 * be plain links (a link sends no Authorization header): they are fetched, then saved from memory.
 */
export function saveBlob(blob: Blob, filename: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = filename;
  document.body.append(link);
  link.click();
  link.remove();
  // After the click has been handled: revoking at once can cancel the download in some browsers.
  setTimeout(() => URL.revokeObjectURL(url), 0);
}

/**
 * Hands a link that needs no token (a signed or presigned URL) to the browser's own download
 * manager, which streams the file to disk (never whole in the page's memory) and resumes it with
 * Range after a cut. The answer's Content-Disposition makes it a download, not a page.
 */
export function saveFromLink(url: string, filename: string): void {
  const link = document.createElement('a');
  link.href = url;
  link.download = filename;
  link.rel = 'noopener';
  document.body.append(link);
  link.click();
  link.remove();
}
