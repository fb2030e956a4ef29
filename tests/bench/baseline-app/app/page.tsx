import { PlainEditor } from './plain-editor';

export default function Page() {
  return <PlainEditor />;
}
