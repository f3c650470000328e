// UI events (MDN: /en-US/docs/Web/API/UIEvent and its subclasses), a lazy module: UIEvent, MouseEvent, PointerEvent,
// KeyboardEvent, FocusEvent, InputEvent, and StorageEvent, ErrorEvent, MessageEvent. Each carries the fields of its
// init dictionary (defaults as in browsers); nothing in sdkhost generates input events.
var eventClass = I.load('events').eventClass, Event = I.Event;
var UIEvent = eventClass('UIEvent', Event, { view: null, detail: 0 });
var MouseEvent = eventClass('MouseEvent', UIEvent, { screenX: 0, screenY: 0, clientX: 0, clientY: 0, ctrlKey: false,
  shiftKey: false, altKey: false, metaKey: false, button: 0, buttons: 0, relatedTarget: null });
eventClass('PointerEvent', MouseEvent, { pointerId: 0, pointerType: '', isPrimary: false });
eventClass('KeyboardEvent', UIEvent, { key: '', code: '', location: 0, ctrlKey: false, shiftKey: false, altKey: false,
  metaKey: false, repeat: false, isComposing: false });
eventClass('FocusEvent', UIEvent, { relatedTarget: null });
eventClass('InputEvent', UIEvent, { data: null, inputType: '', isComposing: false });
eventClass('StorageEvent', Event, { key: null, oldValue: null, newValue: null, url: '', storageArea: null });
eventClass('ErrorEvent', Event, { message: '', filename: '', lineno: 0, colno: 0, error: undefined });
eventClass('MessageEvent', Event, { data: null, origin: '', lastEventId: '', source: null, ports: [] });
I.UIEvent = UIEvent;
I.MouseEvent = MouseEvent;
