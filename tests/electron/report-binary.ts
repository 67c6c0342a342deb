import { electronBinary } from './electron-binary.ts';

/** Say up front whether this suite can run, and why not when it cannot. */
export default function reportBinary(): void {
  const binary = electronBinary();
  if ('missing' in binary) {
    console.log(`Electron suite NOT RUN: ${binary.missing}.`);
  } else {
    console.log(`Electron suite runs against ${binary.path}.`);
  }
}
