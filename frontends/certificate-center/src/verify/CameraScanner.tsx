import { useEffect, useRef, useState } from 'react';
import { Alert, Button, Flex, Typography } from 'antd';
import { CameraOutlined } from '@ant-design/icons';
import { useTranslation } from '@zhicheng/web-kit';
import { decodeQrDrawable } from './qr';

/** How often a camera frame is decoded (jsQR takes ~20–60 ms a frame on a phone). */
const FRAME_INTERVAL_MS = 250;

/**
 * 扫描二维码: the camera (rear one on a phone) until a QR code is read. The shell page's
 * Permissions-Policy allows the camera for our own origin only (gateway/src/static.ts); the
 * browser asks the person first. Stops the camera as soon as a code is read or the tab is left.
 */
export function CameraScanner({ onText }: { onText: (text: string) => void }) {
  const { t } = useTranslation('certificates');
  const [active, setActive] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const video = useRef<HTMLVideoElement>(null);
  const onTextRef = useRef(onText);
  onTextRef.current = onText;

  useEffect(() => {
    if (!active) return undefined;
    let stream: MediaStream | null = null;
    let timer: ReturnType<typeof setTimeout> | undefined;
    let stopped = false;
    const fail = (reason: string) => {
      setProblem(t('verify.cameraUnavailable', { reason }));
      setActive(false);
    };
    void (async () => {
      if (!navigator.mediaDevices?.getUserMedia) return fail(t('verify.cameraInsecure'));
      try {
        stream = await navigator.mediaDevices.getUserMedia({
          video: { facingMode: 'environment' },
          audio: false,
        });
      } catch (error) {
        const name = (error as { name?: string }).name;
        return fail(
          name === 'NotAllowedError' || name === 'SecurityError'
            ? t('verify.cameraDenied')
            : name === 'NotFoundError' || name === 'OverconstrainedError'
              ? t('verify.cameraMissing')
              : t('verify.cameraInsecure'),
        );
      }
      if (stopped || !video.current) return;
      video.current.srcObject = stream;
      await video.current.play().catch(() => undefined);
      const tick = () => {
        const element = video.current;
        if (stopped || !element) return;
        if (element.readyState >= element.HAVE_CURRENT_DATA && element.videoWidth > 0) {
          const text = decodeQrDrawable(element, element.videoWidth, element.videoHeight);
          if (text) {
            setActive(false);
            onTextRef.current(text);
            return;
          }
        }
        timer = setTimeout(tick, FRAME_INTERVAL_MS);
      };
      tick();
    })();
    return () => {
      stopped = true;
      clearTimeout(timer);
      stream?.getTracks().forEach((track) => track.stop());
    };
  }, [active, t]);

  return (
    <Flex vertical gap={12} align="start">
      {problem && <Alert type="warning" showIcon title={problem} />}
      <Button
        type={active ? 'default' : 'primary'}
        icon={<CameraOutlined aria-hidden />}
        onClick={() => {
          setProblem(null);
          setActive((on) => !on);
        }}
      >
        {active ? t('verify.scanStop') : t('verify.scanStart')}
      </Button>
      {active && <Typography.Text type="secondary">{t('verify.scanning')}</Typography.Text>}
      <video
        ref={video}
        className="zc-scanner"
        hidden={!active}
        muted
        playsInline
        aria-label={t('verify.scanVideo')}
      />
    </Flex>
  );
}
