using Jint;
using Jint.Native;
using Jint.Native.Object;
using Jint.Runtime.Descriptors;

namespace SfaFlow.Workflows.Scripting;

/// <summary>
/// Freezes everything a script could reach and change that would outlive it: the global object, every built-in
/// constructor and prototype, and the intrinsics only reachable through syntax (generator and async function prototypes,
/// iterator prototypes). A pooled engine serves one workflow run after another; once locked down, nothing one run's
/// scripts do can be seen by the next (their own declarations live inside a function call, see <see cref="CompiledScript"/>).
/// </summary>
internal static class Lockdown
{
    private const string HiddenIntrinsics = """
        [globalThis, Object.getPrototypeOf(function* () {}), Object.getPrototypeOf(async function () {}),
         Object.getPrototypeOf(async function* () {}), Object.getPrototypeOf([][Symbol.iterator]()),
         Object.getPrototypeOf(new Map()[Symbol.iterator]()), Object.getPrototypeOf(new Set()[Symbol.iterator]()),
         Object.getPrototypeOf(''[Symbol.iterator]()), Object.getPrototypeOf(/x/g[Symbol.matchAll]('')),
         (function* () {})(), (async function* () {})()]
        """;

    // RegExp's legacy static properties ($1, lastMatch, ...) would carry the last match of one run into the next.
    private static readonly string[] RegExpLegacyStatics =
    [
        "$1", "$2", "$3", "$4", "$5", "$6", "$7", "$8", "$9", "input", "$_", "lastMatch", "$&", "lastParen", "$+",
        "leftContext", "$`", "rightContext", "$'",
    ];

    public static void Apply(Engine engine)
    {
        var regExp = engine.Global.Get("RegExp").AsObject();
        foreach (var name in RegExpLegacyStatics)
        {
            regExp.Delete(name);
        }

        var freeze = engine.Intrinsics.Object.Get("freeze");
        var roots = engine.Evaluate(HiddenIntrinsics).AsArray();
        var seen = new HashSet<ObjectInstance>(ReferenceEqualityComparer.Instance);
        var pending = new Stack<ObjectInstance>();
        for (uint i = 0; i < roots.Length; i++)
        {
            pending.Push(roots.Get(i).AsObject());
        }

        while (pending.TryPop(out var target))
        {
            if (!seen.Add(target))
            {
                continue;
            }

            foreach (var key in target.GetOwnPropertyKeys())
            {
                var property = target.GetOwnProperty(key);
                Visit(property.IsAccessorDescriptor() ? property.Get : property.Value);
                Visit(property.IsAccessorDescriptor() ? property.Set : null);
            }

            Visit(target.Prototype);
            engine.Call(freeze, target);
        }

        void Visit(JsValue? value)
        {
            if (value is ObjectInstance reachable)
            {
                pending.Push(reachable);
            }
        }
    }

    /// <summary>Freezes one object the host adds after the lockdown (a function defined on first use).</summary>
    public static JsValue Freeze(Engine engine, ObjectInstance target) => engine.Call(engine.Intrinsics.Object.Get("freeze"), target);

    /// <summary>A property the host adds to the frozen global object: neither writable nor configurable.</summary>
    public static void DefineGlobal(Engine engine, string name, JsValue value) =>
        engine.Global.FastSetProperty(name, new PropertyDescriptor(value, PropertyFlag.None));
}
