// A deputy's personal link as a QR code, drawn in the browser by the qrcode package: the
// chamber LAN has no QR web service, and a link must never leave the room.
import QRCode from 'qrcode';
import { useEffect, useState } from 'react';

export function LinkQr({ url, size = 168 }: { url: string; size?: number }) {
  const [src, setSrc] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    QRCode.toDataURL(url, { margin: 1, width: size, errorCorrectionLevel: 'M' })
      .then((d) => live && setSrc(d))
      .catch(() => live && setSrc(null));
    return () => {
      live = false;
    };
  }, [url, size]);
  return src ? <img className="qr" src={src} width={size} height={size} alt={url} data-testid="qr" /> : <span className="qr qr--empty" style={{ width: size, height: size }} />;
}
