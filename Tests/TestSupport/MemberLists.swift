/// Member lists the tests price.
public enum MemberLists {
  /// docs/library.md's list: the byoin-kyosaikai brochure's worked example (a hospital of 100
  /// general and 20 other beds, plan S4, security ▲10%: 164,400 yen a year), a clinic of
  /// fukuoka-ishikai, a row that cannot be priced, and a blank line.
  public static let documented = """
    name,program,facility,plan,general_beds,other_beds,security
    Takahashi,byoin-kyosaikai,hospital,S4,100,20,-10
    Yamada,fukuoka-ishikai,clinic,S4,,,
    Bad,byoin-kyosaikai,hospital,S4,abc,,

    """
}
