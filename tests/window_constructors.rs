//! The constructors a current Chrome exposes on `window` (`tests/fixtures/chrome-window-constructors.txt`, taken from
//! Chromium 148 headless) against an sdkhost page: each is either present (a function on `window`, lazy modules
//! included) or a deliberate absence matched by one rule of [`ABSENT`], with its reason. The test fails on a Chrome
//! constructor that is neither and on a rule that matches nothing absent (so the README table stays true). A name
//! that is present is counted as present even where a rule's pattern would match it.

use std::path::Path;

use regex::Regex;
use sdkhost::Session;
use sdkhost::batch::map_in_order;

/// Deliberate absences: (regex over the whole name, why). Order matters only for the report: the first rule that
/// matches a name counts it.
const ABSENT: &[(&str, &str)] = &[
    (
        "WebSocket.*|WebTransport.*|EventSource|RTC.*|MediaStream.*|WebSocketStream",
        "other channels to the network would bypass the gate's request types: a page has XHR, fetch, sendBeacon, images and scripts only",
    ),
    (
        "Worker|SharedWorker|ServiceWorker.*|MessageChannel|MessagePort|BroadcastChannel|Worklet|AudioWorklet|SharedStorage.*",
        "no second JS thread or cross-context messaging: one page, one engine",
    ),
    (
        "IDB.*|Cache|CacheStorage|FileSystem.*|StorageManager|StorageBucket.*|Lock|LockManager|CookieStore.*|CookieChangeEvent|NavigatorManagedData|BackgroundFetch.*|PeriodicSyncManager|SyncManager|PushManager|PushSubscription.*|Notification|QuotaExceededError",
        "storage beyond cookies and Web Storage, and background work: not modelled (absent so SDKs take their cookie/localStorage paths)",
    ),
    (
        "Canvas.*|OffscreenCanvas.*|WebGL.*|GPU.*|ImageBitmap.*|ImageData|Path2D|DOMMatrix.*|DOMPoint.*|DOMQuad|DOMRect.*|Font.*|Layout.*|Animation.*|KeyframeEffect|ScrollTimeline|ViewTimeline|DocumentTimeline|AnimationTimeline|CSS.*|StyleSheet.*|MediaList|VisualViewport|Highlight.*|ViewTransition.*|CaretPosition|ContentVisibility.*|Snap.*|StylePropertyMap|StylePropertyMapReadOnly|TextMetrics|TimelineTrigger.*|Viewport|WebKitCSSMatrix",
        "no layout, rendering or style engine (CSSStyleDeclaration alone is provided, with empty values)",
    ),
    ("SVG.*|MathML.*", "no SVG or MathML documents"),
    (
        "Media.*|Audio.*|Video.*|HTMLMediaElement|HTMLAudioElement|HTMLVideoElement|HTMLTrackElement|HTMLSourceElement|TextTrack.*|VTTCue|Speech.*|Encoded.*|ImageDecoder|ImageTrack.*|WebCodecs.*|EncodedVideoChunk|EncodedAudioChunk|VideoFrame|AudioData|VideoDecoder|VideoEncoder|AudioDecoder|AudioEncoder|VideoColorSpace|ImageCapture|PictureInPicture.*|RemotePlayback|Presentation.*|CaptureController|BrowserCaptureMediaStreamTrack|CropTarget|RestrictionTarget|OfflineAudio.*|.*Node|Oscillator.*|PeriodicWave|Plugin|PluginArray|MimeType|MimeTypeArray|BaseAudioContext|ChapterInformation|OverconstrainedError|SourceBuffer|SourceBufferList",
        "no media playback, capture or audio graph",
    ),
    (
        "Bluetooth.*|USB.*|HID.*|Serial.*|Gamepad.*|XR.*|.*Sensor.*|Accelerometer|Gyroscope|Magnetometer|DeviceMotionEvent.*|DeviceOrientationEvent|Geolocation.*|NDEF.*|MIDI.*|WakeLock.*|Keyboard|KeyboardLayoutMap|VirtualKeyboard.*|Pressure.*|Hand.*|Ink|Presentation|DevicePosture|ProtectedAudience|NavigatorLogin|Scheduling|Profiler|WGSLLanguageFeatures|DelegatedInkTrailPresenter",
        "no devices or hardware",
    ),
    (
        "Payment.*|Credential.*|PublicKeyCredential|PasswordCredential|FederatedCredential|IdentityCredential.*|Authenticator.*|OTPCredential|DigitalCredential|IdentityProvider|SecurePaymentConfirmation.*|CredentialsContainer",
        "no payments or credentials",
    ),
    (
        "ReadableStream.*|ReadableByteStream.*|WritableStream.*|TransformStream.*|ByteLengthQueuingStrategy|CountQueuingStrategy|CompressionStream|DecompressionStream|TextEncoderStream|TextDecoderStream|Response.*Stream",
        "no WHATWG streams: bodies are whole strings, Blobs or buffers (so SDKs that compress with CompressionStream fall back to plain JSON)",
    ),
    (
        "Crypto|CryptoKey|SubtleCrypto",
        "`crypto.getRandomValues` and `randomUUID` only (seeded); no WebCrypto keys or digests",
    ),
    (
        "Trusted.*|Sanitizer|ReportingObserver|Report.*|SecurityPolicyViolationEvent|FencedFrameConfig|HTMLFencedFrameElement|TaskAttribution.*|TaskController|TaskPriorityChangeEvent|TaskSignal|Scheduler|TaskSignal|LaunchParams|LaunchQueue|Launch.*|Origin|WindowControlsOverlay.*|ScreenDetail.*|DocumentPictureInPicture.*|NavigationPreloadManager|Navigation.*|NavigateEvent|IdleDetector|IdleDeadline|InterestGroup.*|Topics.*|Fence|SharedStorageWorklet|EyeDropper|FileSystemObserver|ClipboardItem|Clipboard.*|DataTransfer.*|Selection|Range|StaticRange|AbstractRange|Attr|NamedNodeMap|XPath.*|XSLTProcessor|XMLDocument|XMLSerializer|DOMParser|DOMImplementation|DOMStringMap|DOMStringList|ProcessingInstruction|CDATASection|ShadowRoot|CustomElementRegistry|CustomStateSet|ElementInternals|TimeRanges|ValidityState|RadioNodeList|HTMLAllCollection|HTMLFormControlsCollection|HTMLOptionsCollection|BarProp|External|Option|Audio|CSPViolationReportBody|IntegrityViolationReportBody|CrashReportContext|CloseWatcher|CreateMonitor|EditContext|FeaturePolicy|FetchLaterResult|FragmentDirective|NotRestoredReasons|NotRestoredReasonDetails|LanguageDetector|LanguageModel|Summarizer|Translator|TextFormat|FileReader|FileList|DOMError|Touch|TouchList|WebKitMutationObserver",
        "other platform APIs no tracking SDK studied here needs at start; absent so feature detection takes the fallback path",
    ),
    (
        "Performance|PerformanceMark|PerformanceMeasure|PerformanceTiming|PerformanceNavigation|Performance(Element|Event|LongAnimationFrame|LongTask|Paint|Script|Server)Timing|PerformanceTimingConfidence|LargestContentfulPaint|VisibilityStateEntry|ResizeObserverSize",
        "`performance` is a plain object (`now`, `timeOrigin`, no-op `mark`/`measure`); the only entry produced is the page's navigation entry (see Observers), and ResizeObserver never reports a size",
    ),
    (
        "AsyncDisposableStack|DisposableStack|SuppressedError|Observable|Subscriber|URLPattern",
        "language and platform proposals Chrome ships that Boa 0.22 or this host lack",
    ),
    (
        "BatteryManager|NetworkInformation|NavigatorUAData|Permissions|PermissionStatus|ScreenOrientation|UserActivation|InputDeviceCapabilities|InputDeviceInfo",
        "fingerprinting-prone navigator and screen extras (`navigator.connection`, `userAgentData`, `permissions`, `getBattery`, `screen.orientation`) are absent",
    ),
    (
        "Window|HTMLCollection|NodeList|NodeIterator|MutationRecord|XMLHttpRequestEventTarget|XMLHttpRequestUpload",
        "objects that exist without their interface object: `window` (its prototype is not `Window.prototype`), node lists (arrays), XHR upload; MutationObserver records nothing",
    ),
    (
        "HTML.*Element",
        "HTML element classes beyond the ones provided (html, head, body, title, script, div, span, p, style, meta, link, button, textarea, select, iframe, form, input, img, a, template)",
    ),
    (
        ".*Event|EventCounts",
        "event classes beyond the ones provided (Event, CustomEvent, UI, mouse, pointer, keyboard, focus, input, storage, error, message, page transition, popstate, hashchange, beforeunload)",
    ),
];

/// The Chrome list, without its comment lines.
fn chrome_names() -> Vec<String> {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/chrome-window-constructors.txt");
    let text = std::fs::read_to_string(&path).expect("the Chrome constructor list is committed");
    text.lines().map(str::trim).filter(|l| !l.is_empty() && !l.starts_with('#')).map(str::to_owned).collect()
}

/// Which of `names` are functions on an sdkhost page's `window` (touching each name loads its lazy module).
fn present_in_sdkhost(names: &[String]) -> Vec<bool> {
    let list = serde_json::to_string(names).expect("names serialise");
    let js = format!("{list}.map(function (n) {{ return typeof window[n] === 'function'; }})");
    let run = move || {
        let mut session = Session::builder().build();
        session.load("https://shop.example/", &[]).expect("page loads");
        let value = session.eval(&js).expect("no exception");
        serde_json::from_value::<Vec<bool>>(value).expect("a list of booleans")
    };
    map_in_order(vec![()], 1, |()| run(), |_, _| {}).pop().expect("one result")
}

#[test]
fn every_chrome_constructor_is_present_or_a_documented_absence() {
    let names = chrome_names();
    assert!(names.len() > 900, "the Chrome list looks truncated: {} names", names.len());
    let present = present_in_sdkhost(&names);
    let rules: Vec<Regex> =
        ABSENT.iter().map(|(p, _)| Regex::new(&format!("^(?:{p})$")).expect("rule regex compiles")).collect();
    let mut per_rule = vec![0usize; ABSENT.len()];
    let mut unexplained = Vec::new();
    let mut here = Vec::new();
    for (name, is_here) in names.iter().zip(&present) {
        let rule = rules.iter().position(|r| r.is_match(name));
        match (is_here, rule) {
            (true, _) => here.push(name.as_str()),
            (false, Some(i)) => per_rule[i] += 1,
            (false, None) => unexplained.push(name.as_str()),
        }
    }
    println!(
        "{} Chrome constructors: {} present, {} absent by rule",
        names.len(),
        here.len(),
        names.len() - here.len()
    );
    for ((pattern, why), n) in ABSENT.iter().zip(&per_rule) {
        println!("  {n:>4} absent  {why}  [{pattern}]");
    }
    println!("present: {}", here.join(" "));
    assert!(
        unexplained.is_empty(),
        "Chrome constructors neither present nor a listed absence:\n{}",
        unexplained.join("\n")
    );
    let dead: Vec<&str> = ABSENT.iter().zip(&per_rule).filter(|(_, n)| **n == 0).map(|((p, _), _)| *p).collect();
    assert!(dead.is_empty(), "absence rules that match nothing absent: {dead:?}");
}
