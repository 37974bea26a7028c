package cn.cvp.provider.application;

/** Which slice of a list to answer. */
public record Page(int index, int size) {
    public int offset() {
        return index * size;
    }
}
