package io.holdfast.alipay.client.model;

/** Antom's UserName: first/middle/last at most 32 characters each, fullName at most 128. */
public record UserName(String firstName, String middleName, String lastName, String fullName) {

    public static UserName of(String firstName, String lastName) {
        return new UserName(firstName, null, lastName, null);
    }
}
