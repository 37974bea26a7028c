package cn.cvp.provider.support;

/** Which slice of a list to answer. */
public record Page(int index, int size) {
    public int offset() {
        return index * size;
    }
}
