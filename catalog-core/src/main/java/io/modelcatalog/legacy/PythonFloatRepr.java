package io.modelcatalog.legacy;

/** Python's {@code repr(float)}. (Stub: being implemented.) */
public final class PythonFloatRepr {
    private PythonFloatRepr() {}

    public static String repr(double value) {
        throw new UnsupportedOperationException("not yet implemented");
    }
}
