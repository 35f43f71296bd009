/** The notes index: headings, bullets and topics of the bundled and the user's notes. (Filled in by the notes issue.) */
import type { FileSystem } from './fileSystem';

export class NotesIndex {
  private userFolders: string[] = [];

  constructor(
    readonly fs: FileSystem,
    readonly bundledFolders: string[],
  ) {}

  setUserFolders(folders: string[]): void {
    this.userFolders = folders;
  }

  get folders(): string[] {
    return [...this.bundledFolders, ...this.userFolders];
  }
}
