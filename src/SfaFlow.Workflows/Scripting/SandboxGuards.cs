using Jint;
using Jint.Native;
using Jint.Native.Object;
using Jint.Runtime;
using Jint.Runtime.Descriptors;
using Jint.Runtime.Interop;

namespace SfaFlow.Workflows.Scripting;

/// <summary>
/// Closes the gaps Jint's limits leave. The memory limit is checked between statements, so one built-in call that builds a
/// huge string (<c>'x'.repeat(2**28)</c>) would allocate gigabytes before the check runs; those calls get a size check up
/// front. Raw binary buffers are removed: workflow conditions do not need them and they allocate outside the checks.
/// </summary>
internal static class SandboxGuards
{
    private static readonly string[] RemovedGlobals =
    [
        "ArrayBuffer", "SharedArrayBuffer", "DataView", "Atomics", "ShadowRealm", "WeakRef", "FinalizationRegistry",
        "Int8Array", "Uint8Array", "Uint8ClampedArray", "Int16Array", "Uint16Array", "Int32Array", "Uint32Array",
        "Float16Array", "Float32Array", "Float64Array", "BigInt64Array", "BigUint64Array",
    ];

    public static void Apply(Engine engine, ScriptOptions options)
    {
        // A locked (non-writable, non-configurable) undefined rather than a delete: deleting a global makes Jint build the
        // global object's whole property table (about 8 KB per engine); shadowing costs a few bytes and cannot be undone.
        foreach (var name in RemovedGlobals)
        {
            engine.Global.FastSetProperty(name, new PropertyDescriptor(JsValue.Undefined, PropertyFlag.None));
        }

        var maxLength = (double)options.MaxStringLength;
        var stringPrototype = Prototype(engine, "String");
        Guard(engine, stringPrototype, "repeat", (self, args) =>
            TypeConverter.ToString(self).Length * Math.Max(0, TypeConverter.ToIntegerOrInfinity(Arg(args, 0))));
        Guard(engine, stringPrototype, "padStart", (_, args) => TypeConverter.ToIntegerOrInfinity(Arg(args, 0)));
        Guard(engine, stringPrototype, "padEnd", (_, args) => TypeConverter.ToIntegerOrInfinity(Arg(args, 0)));
        Guard(engine, Prototype(engine, "Array"), "join", JoinedLength);

        void Guard(Engine target, ObjectInstance prototype, string name, Func<JsValue, JsValue[], double> resultLength)
        {
            var original = prototype.Get(name);
            var guarded = new ClrFunction(target, name, (self, args) =>
            {
                if (resultLength(self, args) > maxLength)
                {
                    throw new JavaScriptException((Jint.Native.Error.ErrorConstructor)target.Global.Get("RangeError"),
                        $"{name} would build a string longer than the sandbox allows ({options.MaxStringLength:N0} characters).");
                }

                return target.Call(original, self, args);
            });
            prototype.FastSetProperty(name, new PropertyDescriptor(guarded, PropertyFlag.NonEnumerable));
        }
    }

    /// <summary>A lower bound for <c>join</c>'s result: separators plus the primitive elements (objects run checked code).</summary>
    private static double JoinedLength(JsValue self, JsValue[] args)
    {
        if (!self.IsArray())
        {
            return 0;
        }

        var array = self.AsArray();
        var separator = Arg(args, 0).IsUndefined() ? 1 : TypeConverter.ToString(Arg(args, 0)).Length;
        double total = array.Length == 0 ? 0 : (double)separator * (array.Length - 1);
        for (uint i = 0; i < array.Length && total <= int.MaxValue; i++)
        {
            var item = array.Get(i);
            if (item.IsString())
            {
                total += item.AsString().Length;
            }
        }

        return total;
    }

    private static ObjectInstance Prototype(Engine engine, string constructor) =>
        engine.Global.Get(constructor).AsObject().Get("prototype").AsObject();

    private static JsValue Arg(JsValue[] args, int index) => index < args.Length ? args[index] : JsValue.Undefined;
}
