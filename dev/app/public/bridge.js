// google.script.run / google.script.host for pages shown by the local app (docs/local-runtime.md).
// dev/app/server.ts injects this file as the first <script> of every sidebar and dialog page,
// with the config filled in. It is as strict as the real thing, never kinder:
//
// - google.script.run has one own property per callable server function (top-level functions of
//   dist/Code.js not ending in "_"), plus withSuccessHandler / withFailureHandler /
//   withUserObject, each of which returns a NEW runner; the runner it was called on is unchanged.
//   (developers.google.com/apps-script/guides/html/reference/run: "returns this
//   google.script.run object for chaining" describes the API surface; the runners are
//   independent in practice, as gas-fakes html/googlescriptrun.js also models, and a shared
//   mutable runner would hide handler-leak bugs.)
// - Legal arguments: "JavaScript primitives like a Number, Boolean, String, or null, as well as
//   JavaScript objects and arrays that are composed of primitives, objects and arrays. A form
//   element within the page is also legal as a parameter, but it must be the function's only
//   parameter. Requests fail if you attempt to pass a Date, Function, DOM element besides a form,
//   or other prohibited type, including prohibited types inside objects or arrays. Objects that
//   create circular references will also fail, and undefined fields within arrays become null."
//   (guides/html/reference/run#myFunction). Checked here, in the browser, before anything is
//   sent; an illegal call fails through the failure handler, asynchronously.
//   Stricter than the text: Map, Set, RegExp, typed arrays and class instances are refused too
//   (they are not "objects composed of primitives, objects and arrays").
// - "The server functions are called asynchronously" and the handlers run later, never inside
//   the call (guides/html/communication). Success handler: (result, userObject); failure
//   handler: (error, userObject), error.message is the server's message (reference/run
//   withFailureHandler / withUserObject). No failure handler: the error is thrown uncaught, so it
//   lands in the console like the real one.
// - Each call is a separate server execution; calls from one page may run at the same time.
// - google.script.host.close() closes the dialog or sidebar; setHeight/setWidth resize a dialog;
//   editor.focus() moves focus to the editor; host.origin is the host's origin
//   (reference/html/google-script-host). A sidebar's width is fixed, so setWidth is ignored there.
(function (config) {
  'use strict';
  var cfg = config || { frameId: '', functions: [], endpoint: '/api/script-run', appOrigin: '*' };
  var hasOwn = Object.prototype.hasOwnProperty;
  var toString = Object.prototype.toString;

  function IllegalValue(path) {
    var e = new Error('Failed due to illegal value in property: ' + path);
    return e;
  }

  function isDomNode(v) {
    return typeof v.nodeType === 'number' && typeof v.nodeName === 'string';
  }

  function isForm(v) {
    return isDomNode(v) && String(v.nodeName).toUpperCase() === 'FORM';
  }

  // Returns a JSON-ready copy; throws IllegalValue for anything google.script.run refuses.
  function copyValue(value, path, ancestors) {
    if (value === null) return null;
    var t = typeof value;
    if (t === 'string' || t === 'boolean' || t === 'number') return value;
    if (t === 'undefined') return undefined;
    if (t !== 'object') throw IllegalValue(path); // function, symbol, bigint
    if (isDomNode(value)) throw IllegalValue(path); // a form is only legal as the sole argument
    if (toString.call(value) === '[object Date]') throw IllegalValue(path);
    if (ancestors.indexOf(value) >= 0) throw IllegalValue(path); // circular
    var isArray = Array.isArray(value);
    var proto = Object.getPrototypeOf(value);
    if (!isArray && proto !== Object.prototype && proto !== null) throw IllegalValue(path);
    ancestors.push(value);
    var out;
    if (isArray) {
      out = [];
      for (var i = 0; i < value.length; i++) {
        var item = copyValue(value[i], path + '.' + i, ancestors);
        out.push(item === undefined ? null : item); // "undefined fields within arrays become null"
      }
    } else {
      out = {};
      for (var key in value) {
        if (!hasOwn.call(value, key)) continue;
        var v = copyValue(value[key], path + '.' + key, ancestors);
        if (v !== undefined) out[key] = v;
      }
    }
    ancestors.pop();
    return out;
  }

  // A <form> as the only argument becomes an object of its named fields.
  function formValue(form) {
    var out = {};
    var elements = form.elements;
    for (var i = 0; i < elements.length; i++) {
      var el = elements[i];
      if (!el.name || el.disabled) continue;
      var type = String(el.type || '').toLowerCase();
      if (type === 'submit' || type === 'button' || type === 'reset' || type === 'image' || el.nodeName === 'FIELDSET') continue;
      if ((type === 'checkbox' || type === 'radio') && !el.checked) continue;
      var value;
      if (type === 'file') {
        if (el.files && el.files.length) {
          throw new Error('The local bridge does not send file inputs of a form (Apps Script turns them into Blobs); read the file in the page and send its contents.');
        }
        continue;
      } else if (type === 'select-multiple') {
        value = [];
        for (var j = 0; j < el.options.length; j++) if (el.options[j].selected) value.push(el.options[j].value);
      } else {
        value = String(el.value);
      }
      if (hasOwn.call(out, el.name)) out[el.name] = [].concat(out[el.name], value);
      else out[el.name] = value;
    }
    return out;
  }

  function encodeArgs(args) {
    if (args.length === 1 && args[0] !== null && typeof args[0] === 'object' && isForm(args[0])) return [formValue(args[0])];
    var out = [];
    for (var i = 0; i < args.length; i++) {
      var v = copyValue(args[i], String(i), []);
      out.push(v === undefined ? null : v);
    }
    return out;
  }

  function later(fn) {
    setTimeout(fn, 0);
  }

  function deliverFailure(state, error) {
    later(function () {
      if (typeof state.failure === 'function') state.failure(error, state.userObject);
      else throw error; // unhandled, as in Apps Script: it ends up in the console
    });
  }

  function deliverSuccess(state, value) {
    later(function () {
      if (typeof state.success === 'function') state.success(value, state.userObject);
    });
  }

  function call(state, name, args) {
    var body;
    try {
      body = JSON.stringify({ frameId: cfg.frameId, fn: name, args: encodeArgs(args) });
    } catch (e) {
      deliverFailure(state, e instanceof Error ? e : new Error(String(e)));
      return;
    }
    fetch(cfg.endpoint, { method: 'POST', headers: { 'content-type': 'application/json' }, body: body })
      .then(function (res) {
        return res.json();
      })
      .then(
        function (reply) {
          if (reply && reply.ok) deliverSuccess(state, reply.undefined ? undefined : reply.value);
          else {
            var err = new Error(reply && reply.error ? reply.error : 'Unknown server error');
            if (reply && reply.name) err.name = reply.name;
            deliverFailure(state, err);
          }
        },
        function (e) {
          deliverFailure(state, new Error('We\'re sorry, a server error occurred. (' + (e && e.message) + ')'));
        }
      );
  }

  function makeRunner(state) {
    var runner = {};
    runner.withSuccessHandler = function (handler) {
      return makeRunner({ success: handler, failure: state.failure, userObject: state.userObject });
    };
    runner.withFailureHandler = function (handler) {
      return makeRunner({ success: state.success, failure: handler, userObject: state.userObject });
    };
    runner.withUserObject = function (object) {
      return makeRunner({ success: state.success, failure: state.failure, userObject: object });
    };
    cfg.functions.forEach(function (name) {
      runner[name] = function () {
        call(state, name, Array.prototype.slice.call(arguments));
      };
    });
    return runner;
  }

  function toHost(op, value) {
    window.parent.postMessage({ rcl: 'host', frameId: cfg.frameId, op: op, value: value }, cfg.appOrigin);
  }

  var host = {
    origin: cfg.appOrigin,
    close: function () {
      toHost('close');
    },
    setHeight: function (h) {
      toHost('setHeight', Number(h));
    },
    setWidth: function (w) {
      toHost('setWidth', Number(w));
    },
    editor: {
      focus: function () {
        toHost('focus');
      },
    },
  };

  var google = window.google || (window.google = {});
  google.script = { run: makeRunner({ success: null, failure: null, userObject: undefined }), host: host };
})(/*__RCL_BRIDGE_CONFIG__*/ null);
