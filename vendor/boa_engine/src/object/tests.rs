use crate::{JsNativeErrorKind, TestAction, run_test_actions};
use indoc::indoc;

#[test]
fn ordinary_has_instance_nonobject_prototype() {
    run_test_actions([TestAction::assert_native_error(
        indoc! {r#"
            function C() {}
            C.prototype = 1
            String instanceof C
        "#},
        JsNativeErrorKind::Type,
        "function has non-object prototype in instanceof check",
    )]);
}

#[test]
fn object_properties_return_order() {
    run_test_actions([
        TestAction::run_harness(),
        TestAction::run(indoc! {r#"
                var o = {
                    p1: 'v1',
                    p2: 'v2',
                    p3: 'v3',
                };
                o.p4 = 'v4';
                o[2] = 'iv2';
                o[0] = 'iv0';
                o[1] = 'iv1';
                delete o.p1;
                delete o.p3;
                o.p1 = 'v1';
            "#}),
        TestAction::assert(r#"arrayEquals(Object.keys(o), [ "0", "1", "2", "p2", "p4", "p1" ])"#),
        TestAction::assert(
            r#"arrayEquals(Object.values(o), [ "iv0", "iv1", "iv2", "v2", "v4", "v1" ])"#,
        ),
    ]);
}

#[test]
fn inline_caches_see_new_and_changed_properties_of_objects_with_a_unique_shape() {
    // 1100 properties: past the shared-shape limit, whatever it is, so each object has a shape of its own.
    run_test_actions([
        TestAction::run(indoc! {r#"
                function big(proto) {
                    var o = Object.create(proto);
                    for (var i = 0; i < 1100; i++) o['p' + i] = i;
                    return o;
                }
                var ro = big(Object.prototype);
                function writeRo(v) { ro.p5 = v; }
                writeRo(1); writeRo(2);
                Object.defineProperty(ro, 'p5', { writable: false });
                writeRo(3);

                var frozen = big(Object.prototype);
                function writeFrozen(v) { frozen.p1 = v; }
                writeFrozen(1); writeFrozen(2);
                Object.freeze(frozen);
                writeFrozen(3);

                var shadowed = big({ x: 'prototype' });
                function readX() { return shadowed.x; }
                readX(); readX();
                shadowed.x = 'own';
            "#}),
        TestAction::assert_eq("ro.p5", 2),
        TestAction::assert_eq("frozen.p1", 2),
        TestAction::assert_eq("readX()", crate::js_string!("own")),
    ]);
}

#[test]
fn objects_past_the_shared_shape_limit_keep_order_attributes_and_caches() {
    run_test_actions([
        TestAction::run_harness(),
        TestAction::run(indoc! {r#"
                function build() {
                    var o = {};
                    for (var i = 0; i < 40; i++) o['p' + i] = i;
                    o[3] = 'three';
                    Object.defineProperty(o, 'hidden', { value: 'h', enumerable: false });
                    o[Symbol.for('s')] = 's';
                    delete o.p10;
                    o.p10 = 'again';
                    Object.defineProperty(o, 'p20', { value: 'ro', writable: false });
                    return o;
                }
                var a = build(), b = build();
                function read(o) { return o.p30 + ':' + o.p39 + ':' + o.p10; }
                var reads = [read(a), read(b), read(a)];
                b.p30 = 'changed';
                reads.push(read(b), read(a));
                var keys = Object.keys(a);
                a.p20 = 'ignored';
                var frozen = Object.freeze(build());
            "#}),
        TestAction::assert(r#"keys.length === 41 && keys[0] === "3" && keys[1] === "p0" && keys[40] === "p10""#),
        TestAction::assert(r#"keys.indexOf("p11") === 11 && keys.indexOf("hidden") === -1"#),
        TestAction::assert(r#"Reflect.ownKeys(a)[40] === "hidden" && Reflect.ownKeys(a)[41] === "p10" && Reflect.ownKeys(a)[42] === Symbol.for("s")"#),
        TestAction::assert(
            r#"arrayEquals(reads, ["30:39:again", "30:39:again", "30:39:again", "changed:39:again", "30:39:again"])"#,
        ),
        TestAction::assert(r#"a.p20 === "ro" && !Object.getOwnPropertyDescriptor(a, "hidden").enumerable"#),
        TestAction::assert(r#"Object.isFrozen(frozen) && frozen.p39 === 39"#),
        TestAction::inspect_context(|ctx| {
            let a = ctx.global_object().get(crate::js_string!("a"), ctx).unwrap();
            let a = a.as_object().unwrap();
            assert!(a.borrow().properties().shape.is_unique(), "40 properties: a shape of its own");
            let small = ctx.eval(crate::Source::from_bytes("({x: 1, y: 2})")).unwrap();
            let small = small.as_object().unwrap();
            assert!(small.borrow().properties().shape.is_shared(), "two properties: a shared shape");
        }),
    ]);
}
