package cn.cvp.kit.creditcode;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class CreditCodeTest {

    @Test
    void acceptsCodesWithTheRightCheckCharacter() {
        assertThat(CreditCode.isValid("91110108MA01ENT1XN")).isTrue();
        assertThat(CreditCode.isValid("91310115MA02ENT29X")).isTrue();
        // a real, published code (Huawei Technologies Co., Ltd.)
        assertThat(CreditCode.isValid("914403001922038216")).isTrue();
    }

    @Test
    void rejectsAWrongCheckCharacter() {
        assertThat(CreditCode.isValid("91110108MA01ENT1XA")).isFalse();
        assertThat(CreditCode.isValid("914403001922038217")).isFalse();
    }

    @Test
    void rejectsWrongLengthAndCharactersOutsideTheAlphabet() {
        assertThat(CreditCode.isValid(null)).isFalse();
        assertThat(CreditCode.isValid("91110108MA01ENT1X")).isFalse();
        assertThat(CreditCode.isValid("91110108MA01ENT1XNN")).isFalse();
        // I, O, S, V, Z are not in the GB 32100 alphabet
        assertThat(CreditCode.isValid("91110108MA01ENTIXN")).isFalse();
        assertThat(CreditCode.isValid("91110108ma01ent1xn")).isFalse();
    }

    @Test
    void readsTheDivisionCode() {
        assertThat(CreditCode.divisionCode("91110108MA01ENT1XN")).isEqualTo("110108");
    }
}
